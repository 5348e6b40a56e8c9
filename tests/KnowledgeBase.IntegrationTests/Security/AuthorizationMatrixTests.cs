using System.Net;
using System.Reflection;
using AngleSharp.Html.Parser;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.IntegrationTests.Security;

/// <summary>
/// Every write route of the running app, found from its endpoints rather than from a hand-written list, answered
/// for each of: nobody, a signed-in account without a role (a Reader), an Editor and an Admin. API write routes are
/// answered for the same four with API tokens instead of sessions, and must refuse a session cookie. A write endpoint
/// added without authorization makes this test fail.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuthorizationMatrixTests(KnowledgeBaseApp app)
{
    /// <summary>
    /// Writes anybody may make: signing in and out, and Blazor's own circuit endpoints (an interactive component's
    /// events run on a circuit opened by a page, which is itself authorized, and re-check the user themselves).
    /// </summary>
    private static readonly string[] PublicWrites = [Links.SignInPage, Links.SignOut];

    private static readonly string[] InfrastructurePrefixes = ["/_blazor", "/_framework"];

    /// <summary>Page routes that edit or administer content, whether or not their component binds a form yet.</summary>
    private static readonly string[] WritePagePrefixes = ["/edit/", "/edit", "/admin/", "/admin", "/history/", "/review"];

    public enum Who { Anonymous, Reader, Editor, Admin }

    public enum Outcome { SignIn, Denied, Allowed, Error }

    /// <summary>A write route: the method, the route pattern, a URL that fills its parameters, and a form name to post.</summary>
    public sealed record WriteRoute(string Method, string Pattern, string Url, string? FormName, bool IsPage, bool TakesForm = true)
    {
        public bool IsAdmin => Pattern.StartsWith("/admin", StringComparison.Ordinal);

        public bool IsApi => Pattern.StartsWith("/api", StringComparison.Ordinal);

        public override string ToString() => $"{Method} {Url}";
    }

    /// <summary>Every non-GET endpoint, and every page that binds a form or lives under an editing prefix (GET and POST).</summary>
    public static IReadOnlyList<WriteRoute> DiscoverWriteRoutes(IServiceProvider services)
    {
        var routes = new List<WriteRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (InfrastructurePrefixes.Any(p => pattern.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }
            var url = UrlOf(endpoint.RoutePattern);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type is { } component)
            {
                var formNames = FormNamesOf(component);
                var isWritePage = formNames.Count > 0 || WritePagePrefixes.Any(p => pattern == p || (p.EndsWith('/') && pattern.StartsWith(p, StringComparison.Ordinal)));
                if (isWritePage)
                {
                    routes.Add(new WriteRoute("GET", pattern, url, null, IsPage: true));
                    routes.Add(new WriteRoute("POST", pattern, url, formNames.FirstOrDefault(), IsPage: true));
                }
                continue;
            }
            // A minimal API endpoint that binds a form ([FromForm]) says so in its Accepts metadata.
            var takesForm = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
                .SelectMany(a => a.ContentTypes)
                .Any(t => t.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) || t.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase));
            foreach (var method in methods.Where(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m) && !HttpMethods.IsOptions(m)))
            {
                routes.Add(new WriteRoute(method, pattern, url, null, IsPage: false, takesForm));
            }
        }
        return routes.Distinct().OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal).ToList();
    }

    /// <summary>The Blazor form names a component binds (<c>[SupplyParameterFromForm(FormName = ...)]</c>), "" for the default form.</summary>
    private static List<string> FormNamesOf(Type component) =>
        component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => p.GetCustomAttribute<SupplyParameterFromFormAttribute>())
            .OfType<SupplyParameterFromFormAttribute>()
            .Select(a => a.FormName ?? "")
            .Distinct()
            .ToList();

    /// <summary>A URL for the pattern with every parameter filled by a value that names nothing (numbers where a constraint wants them).</summary>
    private static string UrlOf(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "int" or "long" or "decimal" or "double" or "float") => "987654321",
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "guid") => Guid.Empty.ToString(),
            RoutePatternParameterPart => "no-such-thing",
            _ => "",
        })));
        return "/" + string.Join("/", segments);
    }

    /// <summary>The API's callers: no token, and the tokens of a Reader, an Editor and an Admin.</summary>
    private async Task<Dictionary<Who, HttpClient>> TokenClientsAsync() => new()
    {
        [Who.Anonymous] = app.CreateHttpsClient(),
        [Who.Reader] = app.CreateHttpsClient().WithToken((await app.ApiTokenAsync(null)).Token),
        [Who.Editor] = app.CreateHttpsClient().WithToken((await app.ApiTokenAsync(Roles.Editor)).Token),
        [Who.Admin] = app.CreateHttpsClient().WithToken((await app.ApiTokenAsync(Roles.Admin)).Token),
    };

    private async Task<Dictionary<Who, HttpClient>> ClientsAsync() => new()
    {
        [Who.Anonymous] = app.CreateHttpsClient(),
        [Who.Reader] = await app.SignInAsync((string?)null),
        [Who.Editor] = await app.SignInAsync(Roles.Editor),
        [Who.Admin] = await app.SignInAsync(Roles.Admin),
    };

    /// <summary>An antiforgery token for the client's user: from the sign-out form in the header, or the sign-in form.</summary>
    private static async Task<string> TokenAsync(HttpClient client)
    {
        foreach (var page in new[] { "/", Links.SignInPage })
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            if (document.QuerySelector($"input[name={Forms.TokenField}]")?.GetAttribute("value") is { Length: > 0 } token)
            {
                return token;
            }
        }
        throw new InvalidOperationException("No page gave an antiforgery token.");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, WriteRoute route, string? token)
    {
        var uri = new Uri(route.Url, UriKind.Relative);
        if (route.Method == "GET")
        {
            return await client.GetAsync(uri);
        }
        if (route.IsApi)
        {
            // The API takes JSON; an empty object is refused by validation or a missing If-Match, once authorized.
            using var json = new HttpRequestMessage(new HttpMethod(route.Method), uri) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            return await client.SendAsync(json);
        }
        var fields = new List<KeyValuePair<string, string>>();
        if (token is not null)
        {
            fields.Add(new(Forms.TokenField, token));
        }
        if (route.FormName is { Length: > 0 } form)
        {
            fields.Add(new("_handler", form));
        }
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), uri) { Content = new FormUrlEncodedContent(fields) };
        return await client.SendAsync(request);
    }

    private static Outcome Classify(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return Outcome.SignIn;
        }
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return Outcome.Denied;
        }
        if (response.StatusCode is HttpStatusCode.Found or HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect)
        {
            var target = response.Target().AbsolutePath;
            if (target == Links.SignInPage)
            {
                return Outcome.SignIn;
            }
            if (target == Links.AccessDenied)
            {
                return Outcome.Denied;
            }
        }
        return (int)response.StatusCode >= 500 ? Outcome.Error : Outcome.Allowed;
    }

    private static Outcome Expected(WriteRoute route, Who who) => who switch
    {
        Who.Anonymous => Outcome.SignIn,
        Who.Reader => Outcome.Denied,
        Who.Editor => route.IsAdmin ? Outcome.Denied : Outcome.Allowed,
        _ => Outcome.Allowed,
    };

    [Fact]
    public void Discovery_finds_the_known_write_routes()
    {
        var routes = DiscoverWriteRoutes(app.Services).Select(r => r.ToString()).ToList();

        Assert.Contains("GET /admin/users", routes);
        Assert.Contains("POST /admin/users", routes);
        Assert.Contains("POST /admin/users/no-such-thing", routes);
        Assert.Contains($"POST {Links.SignOut}", routes);
        Assert.Contains($"POST {Links.SignInPage}", routes);
        Assert.Contains("POST /api/v1/claims", routes);
        Assert.Contains("PUT /api/v1/claims/987654321", routes);
        Assert.Contains("DELETE /api/v1/claims/987654321/citations/987654321", routes);
        // Reading pages bind no form and are not write routes.
        Assert.DoesNotContain("POST /claims", routes);
        Assert.DoesNotContain("GET /search", routes);
    }

    [Fact]
    public async Task Every_write_route_answers_each_role_as_its_policy_says()
    {
        var routes = DiscoverWriteRoutes(app.Services).Where(r => !PublicWrites.Contains(r.Pattern)).ToList();
        Assert.NotEmpty(routes);
        var clients = await ClientsAsync();
        var apiClients = await TokenClientsAsync();
        var tokens = new Dictionary<Who, string>();
        foreach (var (who, client) in clients)
        {
            tokens[who] = await TokenAsync(client);
        }

        var table = new List<string>();
        var wrong = 0;
        foreach (var route in routes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                using var response = await SendAsync(route.IsApi ? apiClients[who] : clients[who], route, tokens[who]);
                Check(route, $"{who}{(route.IsApi ? " token" : "")}", response, Expected(route, who));
            }
            if (route.IsApi)
            {
                // A signed-in administrator's session cookie is no API credential: another site could ride on it.
                using var response = await SendAsync(clients[Who.Admin], route, tokens[Who.Admin]);
                Check(route, "Admin cookie", response, Outcome.SignIn);
            }
        }

        Assert.True(wrong == 0, $"{wrong} of {table.Count} answers are wrong:\n" + string.Join("\n", table));

        void Check(WriteRoute route, string who, HttpResponseMessage response, Outcome expected)
        {
            var outcome = Classify(response);
            var ok = outcome == expected;
            wrong += ok ? 0 : 1;
            table.Add($"{(ok ? "  " : "✗ ")}{route,-45} {who,-12} → {(int)response.StatusCode} {outcome} (expected {expected})");
        }
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_by_every_form_handler()
    {
        // Form handlers: every page's POST and every endpoint that binds a form. (A JSON endpoint is not reachable
        // from another site's form, and the SameSite=Strict sign-in cookie is not sent with another site's fetch.)
        var posts = DiscoverWriteRoutes(app.Services).Where(r => r.Method != "GET" && r.TakesForm).ToList();
        Assert.Contains(posts, r => r.Pattern == Links.SignOut);
        Assert.Contains(posts, r => r.Pattern == Links.AdminUsers);
        var admin = await app.SignInAsync(Roles.Admin);
        var anonymous = app.CreateHttpsClient();

        var failures = new List<string>();
        foreach (var route in posts)
        {
            // The admin passes every authorization check, so only the missing token can refuse; the sign-in page
            // is for the anonymous.
            var client = route.Pattern == Links.SignInPage ? anonymous : admin;
            using var response = await SendAsync(client, route, token: null);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{route} without a token → {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The admin is still signed in: the token-less sign-out was refused too.
        using var users = await admin.GetAsync(new Uri(Links.AdminUsers, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }
}
