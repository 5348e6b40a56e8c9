using System.Net;
using System.Reflection;
using System.Text.Json;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace KnowledgeBase.IntegrationTests.Api;

[Collection(AppCollection.Name)]
public sealed class ApiReadTests(KnowledgeBaseApp app)
{
    private readonly HttpClient _client = ApiClient.For(app);

    private async Task<List<JsonElement>> WalkAsync(string url)
    {
        var all = new List<JsonElement>();
        var next = url;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await _client.GetJsonAsync(next);
            all.AddRange(page.GetProperty("items").EnumerateArray());
            if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                return all;
            }
            var cursor = page.GetProperty("next").GetString()!;
            next = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "cursor=" + Uri.EscapeDataString(cursor);
        }
        throw new InvalidOperationException("The walk did not end.");
    }

    [Fact]
    public async Task Walking_every_page_returns_every_claim_once()
    {
        var claims = await WalkAsync("/api/v1/claims?limit=7");
        var ids = claims.Select(c => c.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(Seed.ClaimCount, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Order().ToList(), ids);
        var expected = await app.QueryAsync(db => Task.FromResult(db.Claims.Select(c => c.Id).OrderBy(id => id).ToList()));
        Assert.Equal(expected, ids);
        // The same walk twice gives the same pages.
        var again = await WalkAsync("/api/v1/claims?limit=7");
        Assert.Equal(ids, again.Select(c => c.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("/api/v1/claims?flag=agree&limit=3")]
    [InlineData("/api/v1/sources?limit=1")]
    public async Task The_link_header_walks_the_same_pages_as_next_and_keeps_the_filters(string url)
    {
        var byNext = (await WalkAsync(url)).Select(c => c.GetRawText()).ToList();
        var byLink = new List<string>();
        string? next = url;
        while (next is not null)
        {
            using var response = await _client.GetAsync(new Uri(next, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            byLink.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetRawText()));
            next = response.Headers.TryGetValues("Link", out var links)
                ? System.Text.RegularExpressions.Regex.Match(Assert.Single(links), "^<([^>]+)>; rel=\"next\"$").Groups[1].Value
                : null;
            Assert.Equal(page.GetProperty("next").ValueKind == JsonValueKind.Null, next is null);
            if (next is not null)
            {
                Assert.Contains(url.Split('?')[1].Split('&')[0], next, StringComparison.Ordinal);
            }
        }
        Assert.True(byNext.Count > 1);
        Assert.Equal(byNext, byLink);
    }

    [Fact]
    public async Task Default_limit_is_20_and_100_is_allowed()
    {
        var page = await _client.GetJsonAsync("/api/v1/claims");
        Assert.Equal(20, page.GetProperty("items").GetArrayLength());
        Assert.Equal(20, page.GetProperty("limit").GetInt32());
        var big = await _client.GetJsonAsync("/api/v1/claims?limit=100");
        Assert.Equal(Seed.ClaimCount, big.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, big.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("/api/v1/claims?limit=0")]
    [InlineData("/api/v1/claims?limit=101")]
    [InlineData("/api/v1/claims?limit=ten")]
    [InlineData("/api/v1/claims?cursor=not-a-cursor")]
    [InlineData("/api/v1/claims?cursor=")]
    [InlineData("/api/v1/claims?flag=maybe")]
    [InlineData("/api/v1/claims?roots=one")]
    [InlineData("/api/v1/claims?topic=no-such-topic")]
    [InlineData("/api/v1/claims?source=no-such-source")]
    [InlineData("/api/v1/sources?limit=1000")]
    [InlineData("/api/v1/sources?cursor=%21%21")]
    public async Task Bad_parameters_are_400_problems(string url)
    {
        var problem = await _client.GetProblemAsync(url, HttpStatusCode.BadRequest);
        Assert.Equal("/api#invalid-parameter", problem.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("/api/v1/claims/999999999")]
    [InlineData("/api/v1/sources/no-such-source")]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v1/claims/abc")]
    public async Task Unknown_things_are_404_problems(string url) =>
        await _client.GetProblemAsync(url, HttpStatusCode.NotFound);

    [Fact]
    public async Task A_path_no_endpoint_takes_is_404_whatever_the_method()
    {
        // /claims/{id:long} does not match "abc", so no method is allowed there: not a 405.
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, new Uri("/api/v1/claims/abc", UriKind.Relative)));
        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("PATCH", "/api/v1/claims/1", "DELETE, GET, HEAD, PUT")]
    [InlineData("POST", "/api/v1/topics", "GET, HEAD")]
    [InlineData("DELETE", "/api/v1/claims", "GET, HEAD, POST")]
    [InlineData("PUT", "/api/v1/sources", "GET, HEAD")]
    public async Task A_method_an_api_path_does_not_take_is_405_with_allow(string method, string url, string allow)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)));
        var problem = await response.ReadProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal("/api#method-not-allowed", problem.GetProperty("type").GetString());
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("/api/v1/claims/1")]
    [InlineData("/api/v1/claims?limit=2")]
    [InlineData($"/api/v1/sources/{Seed.Usip.Slug}")]
    [InlineData("/api/v1/topics")]
    public async Task Head_answers_as_get_does(string url)
    {
        using var get = await _client.GetAsync(new Uri(url, UriKind.Relative));
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Headers.TryGetValues("Link", out var a) ? a : [], head.Headers.TryGetValues("Link", out var b) ? b : []);
    }

    [Fact]
    public async Task Filters_by_flag_topic_source_roots_and_text()
    {
        var timeline = await WalkAsync("/api/v1/claims?flag=timeline&limit=100");
        Assert.NotEmpty(timeline);
        Assert.All(timeline, c => Assert.Equal("timeline", c.GetProperty("agreement").GetString()));
        Assert.Contains(timeline, c => c.GetProperty("slug").GetString() == Seed.Claims.YoonArmsStanceTimeline);
        // The seed's two former conflicts are two moments; no seeded claim is a real contradiction.
        Assert.Empty(await WalkAsync("/api/v1/claims?flag=conflict&limit=100"));

        var both = await WalkAsync($"/api/v1/claims?source={Seed.Usip.Slug}&limit=10");
        Assert.All(both, c => Assert.Contains(Seed.Usip.Slug, c.GetProperty("sources").EnumerateArray().Select(s => s.GetString())));
        var idsa = await WalkAsync($"/api/v1/claims?source={Seed.MpIdsa.Slug}&limit=10");
        var shared = both.Select(c => c.GetProperty("id").GetInt64()).Intersect(idsa.Select(c => c.GetProperty("id").GetInt64()));
        Assert.Equal(Seed.ClaimsCitedByBoth, shared.Count());

        var topic = (await _client.GetJsonAsync("/api/v1/topics")).EnumerateArray().First();
        var inTopic = await WalkAsync($"/api/v1/claims?topic={topic.GetProperty("slug").GetString()}&limit=5");
        Assert.Equal(topic.GetProperty("claims").GetInt32(), inTopic.Count);
        Assert.All(inTopic, c => Assert.Contains(topic.GetProperty("slug").GetString(), c.GetProperty("topics").EnumerateArray().Select(s => s.GetString())));

        var singleRoot = await WalkAsync("/api/v1/claims?roots=single&limit=100");
        var roots = await app.QueryAsync(db => db.Claims.Where(c => c.IndependentRoots == 1).Select(c => c.Id).OrderBy(id => id).ToListAsync());
        Assert.Equal(roots, singleRoot.Select(c => c.GetProperty("id").GetInt64()));

        var kursk = await WalkAsync("/api/v1/claims?q=" + Uri.EscapeDataString("Kursk") + "&limit=100");
        Assert.Contains(kursk, c => c.GetProperty("slug").GetString() == Seed.Claims.TroopsInKursk);
        Assert.True(kursk.Count < Seed.ClaimCount);
    }

    [Fact]
    public async Task A_claim_has_its_agreement_figure_and_citations()
    {
        var id = (await app.ClaimAsync(Seed.Claims.RussiaPaysNorthKorea)).Id;
        var claim = await _client.GetJsonAsync($"/api/v1/claims/{id}");
        Assert.Equal(Seed.Claims.RussiaPaysNorthKorea, claim.GetProperty("slug").GetString());
        Assert.Equal("partial", claim.GetProperty("agreement").GetProperty("flag").GetString());
        Assert.False(string.IsNullOrEmpty(claim.GetProperty("agreement").GetProperty("rationale").GetString()));
        var citations = claim.GetProperty("citations").EnumerateArray().ToList();
        Assert.Equal(2, citations.Select(c => c.GetProperty("source").GetProperty("slug").GetString()).Distinct().Count());
        foreach (var citation in citations)
        {
            var selector = citation.GetProperty("selector");
            Assert.False(string.IsNullOrEmpty(selector.GetProperty("exact").GetString()));
            Assert.True(selector.GetProperty("end").GetInt32() > selector.GetProperty("start").GetInt32());
            Assert.Contains(citation.GetProperty("stance").GetString(), new[] { "supports", "supports-in-part", "contradicts", "mentions" });
        }
        // MP-IDSA's "$200m a year" rests on footnote 11, a cited work with an outlet.
        var idsa = citations.Single(c => c.GetProperty("source").GetProperty("slug").GetString() == Seed.MpIdsa.Slug);
        Assert.Equal(11, idsa.GetProperty("footnote").GetProperty("number").GetInt32());
        Assert.Equal(JsonValueKind.Object, idsa.GetProperty("footnote").GetProperty("cites").ValueKind);
        var figure = citations.Select(c => c.GetProperty("figure")).First(f => f.ValueKind == JsonValueKind.Object);
        var part = figure.GetProperty("parts")[0];
        Assert.Equal("USD", part.GetProperty("unit").GetString());
        Assert.True(part.TryGetProperty("approximate", out _));
        Assert.True(part.TryGetProperty("per", out _));
        Assert.True(part.TryGetProperty("period", out _));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T", claim.GetProperty("createdAt").GetString());
    }

    [Fact]
    public async Task Sources_topics_and_outlets()
    {
        var sources = await WalkAsync("/api/v1/sources?limit=1");
        Assert.Equal(Seed.SourceCount, sources.Count);
        var idsa = await _client.GetJsonAsync($"/api/v1/sources/{Seed.MpIdsa.Slug}");
        Assert.Equal("MP-IDSA", idsa.GetProperty("shortName").GetString());
        Assert.Equal(Seed.MpIdsa.FootnoteCount, idsa.GetProperty("footnotes").GetArrayLength());
        Assert.Equal("2024-12-05", idsa.GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Array, idsa.GetProperty("authors").ValueKind);

        var topics = await _client.GetJsonAsync("/api/v1/topics");
        Assert.NotEmpty(topics.EnumerateArray());
        Assert.All(topics.EnumerateArray(), t => Assert.StartsWith("/topics/", t.GetProperty("url").GetString(), StringComparison.Ordinal));

        var outlets = await _client.GetJsonAsync("/api/v1/outlets");
        Assert.NotEmpty(outlets.EnumerateArray());
        Assert.All(outlets.EnumerateArray(), o => Assert.True(o.GetProperty("footnotes").GetInt32() > 0));
    }

    [Fact]
    public async Task Any_origin_may_read_but_not_write()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/topics", UriKind.Relative));
        get.Headers.Add("Origin", "https://notebook.example");
        using var got = await _client.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.Equal("*", Assert.Single(got.Headers.GetValues("Access-Control-Allow-Origin")));

        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/claims", UriKind.Relative));
        preflight.Headers.Add("Origin", "https://notebook.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var answer = await _client.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"), "a preflight for POST must not be allowed");
        Assert.False(answer.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) && methods.Any(m => m.Contains("POST", StringComparison.Ordinal)));

        using var getPreflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/claims", UriKind.Relative));
        getPreflight.Headers.Add("Origin", "https://notebook.example");
        getPreflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var allowed = await _client.SendAsync(getPreflight);
        Assert.Equal("*", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint()
    {
        var doc = await _client.GetJsonAsync("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/v1/claims", "/api/v1/claims/{id}", "/api/v1/sources", "/api/v1/sources/{slug}", "/api/v1/topics", "/api/v1/outlets" })
        {
            Assert.Contains(path, paths);
        }
        var parameters = doc.GetProperty("paths").GetProperty("/api/v1/claims").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(new[] { "topic", "flag", "source", "roots", "q", "cursor", "limit" }.Order(), parameters.Order());

        // The write endpoints, each with the bearer scheme, its request body and its problems.
        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiToken");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        var writes = new[]
        {
            ("/api/v1/claims", "post", true), ("/api/v1/claims/{id}", "put", true), ("/api/v1/claims/{id}", "delete", false),
            ("/api/v1/claims/{id}/citations", "post", true), ("/api/v1/claims/{id}/citations/{citationId}", "put", true),
            ("/api/v1/claims/{id}/citations/{citationId}", "delete", false),
        };
        foreach (var (path, method, hasBody) in writes)
        {
            var operation = doc.GetProperty("paths").GetProperty(path).GetProperty(method);
            var security = operation.GetProperty("security").EnumerateArray().Single();
            Assert.True(security.TryGetProperty("apiToken", out _), $"{method} {path} names the bearer scheme");
            var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.Contains("401", responses);
            Assert.Contains("403", responses);
            Assert.Equal(hasBody, operation.TryGetProperty("requestBody", out var body));
            if (hasBody)
            {
                Assert.True(body.GetProperty("content").TryGetProperty("application/json", out _));
            }
            if (method != "post" || path != "/api/v1/claims")
            {
                Assert.Contains("412", responses);
                Assert.Contains("428", responses);
            }
        }
        var created = doc.GetProperty("paths").GetProperty("/api/v1/claims").GetProperty("post").GetProperty("responses").GetProperty("201");
        Assert.True(created.GetProperty("content").TryGetProperty("application/json", out _));
        Assert.False(doc.GetProperty("paths").GetProperty("/api/v1/claims").GetProperty("get").TryGetProperty("security", out _), "reading needs no token");
    }

    private static readonly string[] ReferenceMediaTypes =
        ["application/vnd.citationstyles.csl+json", "application/x-bibtex", "application/x-research-info-systems"];

    /// <summary>Each read and export operation's answers, and the media types of its 200 where it is a download.</summary>
    private static readonly Dictionary<string, (string[] Statuses, string[] MediaTypes)> ReadOperations = new()
    {
        ["ListClaims"] = (["200", "400", "429"], ["application/json"]),
        ["GetClaim"] = (["200", "304", "404", "429"], ["application/json"]),
        ["GetCitation"] = (["200", "404", "429"], ["application/json"]),
        ["ListSources"] = (["200", "400", "429"], ["application/json"]),
        ["GetSource"] = (["200", "404", "429"], ["application/json"]),
        ["ListTopics"] = (["200", "429"], ["application/json"]),
        ["ListOutlets"] = (["200", "429"], ["application/json"]),
        ["ExportReferences"] = (["200", "400", "429"], ReferenceMediaTypes),
        ["ExportSourceReferences"] = (["200", "400", "404", "429"], ReferenceMediaTypes),
        ["ExportFootnoteReference"] = (["200", "400", "404", "429"], ReferenceMediaTypes),
        ["ExportClaimsCsv"] = (["200", "429"], ["text/csv"]),
        ["ExportClaimsJson"] = (["200", "429"], ["application/json"]),
    };

    [Fact]
    public async Task The_openapi_document_describes_every_answer_parameter_and_body()
    {
        var doc = await _client.GetJsonAsync("/openapi/v1.json");
        var operations = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name, Operation: op.Value)))
            .ToList();
        foreach (var (path, method, operation) in operations)
        {
            var name = $"{method} {path}";
            Assert.True(path.StartsWith("/api/v1/", StringComparison.Ordinal) || path.StartsWith("/exports/", StringComparison.Ordinal), $"{name} is not the API's");
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("429", out var tooMany), $"{name} declares 429");
            Assert.True(tooMany.GetProperty("headers").TryGetProperty("Retry-After", out _), $"{name}'s 429 has Retry-After");
            foreach (var error in responses.EnumerateObject().Where(r => r.Name.StartsWith('4')))
            {
                Assert.Equal(["application/problem+json"], error.Value.GetProperty("content").EnumerateObject().Select(c => c.Name));
            }
            foreach (var parameter in operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : default)
            {
                Assert.False(string.IsNullOrEmpty(parameter.GetProperty("description").GetString()), $"{name}'s {parameter.GetProperty("name")} is described");
            }
            if (method != "get")
            {
                continue;
            }
            var operationId = operation.GetProperty("operationId").GetString()!;
            Assert.True(ReadOperations.TryGetValue(operationId, out var expected), $"{name} ({operationId}) is listed here");
            Assert.Equal(expected.Statuses.Order(), responses.EnumerateObject().Select(r => r.Name).Order());
            Assert.Equal(expected.MediaTypes.Order(), responses.GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name).Order());
        }
        Assert.Equal(ReadOperations.Keys.Order(), operations.Where(o => o.Method == "get").Select(o => o.Operation.GetProperty("operationId").GetString()).Order());

        // The query parameters the handlers take as strings, described as what they really are.
        JsonElement Schema(string path, string parameter) => doc.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == parameter).GetProperty("schema");
        foreach (var path in new[] { "/api/v1/claims", "/api/v1/sources" })
        {
            var limit = Schema(path, "limit");
            Assert.Equal("integer", limit.GetProperty("type").GetString());
            Assert.Equal((1, 100, 20), (limit.GetProperty("minimum").GetInt32(), limit.GetProperty("maximum").GetInt32(), limit.GetProperty("default").GetInt32()));
        }
        Assert.Equal(["single-source", "agree", "partial", "conflict", "timeline"], Schema("/api/v1/claims", "flag").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(200, Schema("/api/v1/claims", "q").GetProperty("maxLength").GetInt32());
        Assert.Equal(["csl-json", "bibtex", "ris"], Schema("/exports/references/{format}", "format").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));

        // The write bodies are named components, every field described, the ones validation needs required.
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var body = doc.GetProperty("paths").GetProperty("/api/v1/claims").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.Equal("#/components/schemas/ApiClaimInput", body.GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/ApiCitationInput",
            schemas.GetProperty("ApiClaimInput").GetProperty("properties").GetProperty("citations").GetProperty("items").GetProperty("$ref").GetString());
        foreach (var (component, required) in new[] { ("ApiClaimInput", new[] { "statement", "topics", "citations" }), ("ApiCitationInput", ["source", "quote"]) })
        {
            var schema = schemas.GetProperty(component);
            Assert.Equal(required, schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
            foreach (var field in schema.GetProperty("properties").EnumerateObject())
            {
                Assert.False(string.IsNullOrEmpty(field.Value.GetProperty("description").GetString()), $"{component}.{field.Name} is described");
            }
        }
    }

    [Fact]
    public async Task The_openapi_document_reads_without_errors()
    {
        var text = await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var (document, diagnostic) = OpenApiDocument.Parse(text, "json");
        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Empty(diagnostic.Warnings.Select(e => e.ToString()));
    }

    [Fact]
    public async Task The_openapi_document_names_the_version_and_paging_headers()
    {
        var paths = (await _client.GetJsonAsync("/openapi/v1.json")).GetProperty("paths");
        JsonElement Operation(string path, string method) => paths.GetProperty(path).GetProperty(method);
        IEnumerable<(string Name, bool Required)> HeaderParameters(JsonElement operation) =>
            operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header")
                .Select(p => (p.GetProperty("name").GetString()!, p.TryGetProperty("required", out var r) && r.GetBoolean()));
        bool Answers(JsonElement operation, string status, string header) =>
            operation.GetProperty("responses").GetProperty(status).TryGetProperty("headers", out var headers) && headers.TryGetProperty(header, out _);

        var getClaim = Operation("/api/v1/claims/{id}", "get");
        Assert.Contains(("If-None-Match", false), HeaderParameters(getClaim));
        Assert.True(Answers(getClaim, "200", "ETag"));
        Assert.True(Answers(Operation("/api/v1/claims", "post"), "201", "ETag"));
        foreach (var (path, method) in new[] { ("/api/v1/claims/{id}", "put"), ("/api/v1/claims/{id}", "delete"), ("/api/v1/claims/{id}/citations", "post") })
        {
            Assert.Contains(("If-Match", true), HeaderParameters(Operation(path, method)));
        }
        Assert.True(Answers(Operation("/api/v1/claims", "get"), "200", "Link"));
        Assert.True(Answers(Operation("/api/v1/sources", "get"), "200", "Link"));
        Assert.False(Answers(Operation("/api/v1/topics", "get"), "200", "Link"), "an unpaged list has no next page");
    }

    [Fact]
    public async Task The_openapi_document_names_the_stances_and_flags_a_body_may_hold()
    {
        var schemas = (await _client.GetJsonAsync("/openapi/v1.json")).GetProperty("components").GetProperty("schemas");
        List<string?> Words(string schema, string property) => schemas.GetProperty(schema).GetProperty("properties").GetProperty(property)
            .GetProperty("enum").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()).ToList();
        Assert.Equal(["supports", "supports-in-part", "contradicts", "mentions", null], Words("ApiCitationInput", "stance"));
        Assert.Equal(["supports", "supports-in-part", "contradicts", "mentions"], Words("ApiCitation", "stance"));
        Assert.Equal(["single-source", "agree", "partial", "conflict", "timeline"], Words("ApiClaimSummary", "agreement"));
        Assert.Equal(["single-source", "agree", "partial", "conflict", "timeline"], Words("ApiAgreement", "computed"));
    }

    [Fact]
    public async Task The_reference_page_describes_the_api()
    {
        var page = await PageClient.For(app).GetPageAsync("/api");
        Assert.Contains("/api/v1/claims", page, StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", page, StringComparison.Ordinal);
        // Every problem type the API answers with is explained where its URI points.
        var types = typeof(ApiEndpoints).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.GetRawConstantValue() is string value && value.StartsWith("/api#", StringComparison.Ordinal))
            .Select(f => ((string)f.GetRawConstantValue()!)["/api#".Length..])
            .ToList();
        Assert.True(types.Count >= 10, $"found only {types.Count} problem types");
        // Every path of the OpenAPI document is explained to people too, with its parameters named alike.
        var paths = (await _client.GetJsonAsync("/openapi/v1.json")).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(paths.Count >= 12, $"found only {paths.Count} paths");
        Assert.All(paths, path => Assert.Matches($"<code[^>]*>(?:(?:POST|PUT|DELETE) )?{System.Text.RegularExpressions.Regex.Escape(path)}</code>", page));
        Assert.All(types, type => Assert.Contains($"id=\"{type}\"", page, StringComparison.Ordinal));
    }
}
