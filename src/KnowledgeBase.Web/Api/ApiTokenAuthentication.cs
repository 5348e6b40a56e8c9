using System.Security.Claims;
using System.Text.Encodings.Web;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// The write API's only authentication: <c>Authorization: Bearer kb_…</c>. The principal carries the account's roles
/// as they are at this request, so a demoted account's token loses its write rights at once. A refusal is a problem
/// details document; 401 also carries <c>WWW-Authenticate: Bearer</c> (RFC 6750).
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The claim naming the token a request came with (its public prefix), for the per-token rate limit and logs.</summary>
    public const string TokenClaim = "kb:api_token";

    public const string UnauthorizedType = "/api#unauthorized";
    public const string ForbiddenType = "/api#forbidden";

    private ApiTokenRefusal? _refusal;
    private bool _presented;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }
        _presented = true;
        var (user, refusal) = await tokens.AuthenticateAsync(presented, Context.RequestAborted);
        if (user is null)
        {
            _refusal = refusal;
            return AuthenticateResult.Fail($"API token refused: {refusal}.");
        }
        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.UserId));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Email));
        identity.AddClaim(new Claim(DisplayNameClaimsFactory.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(TokenClaim, user.Prefix));
        identity.AddClaims(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The token of an <c>Authorization: Bearer …</c> header (the scheme in any case), or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header[7..].Trim() is { Length: > 0 } token ? token : null;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var detail = !_presented
            ? "This endpoint needs an API token: send it as 'Authorization: Bearer kb_…'. An administrator issues tokens on the account's page."
            : _refusal switch
            {
                ApiTokenRefusal.Revoked => "This API token has been revoked.",
                ApiTokenRefusal.Expired => "This API token has expired.",
                ApiTokenRefusal.AccountLocked => "The account this API token belongs to is locked.",
                _ => "This is not a valid API token.",
            };
        // RFC 6750 §3: no error code when no token was sent; invalid_token when one was refused.
        Response.Headers.WWWAuthenticate = _presented
            ? $"Bearer realm=\"KnowledgeBase\", error=\"invalid_token\", error_description=\"{detail}\""
            : "Bearer realm=\"KnowledgeBase\"";
        Response.Headers.CacheControl = "no-store";
        await TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", type: UnauthorizedType)
            .ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.Headers.CacheControl = "no-store";
        await TypedResults.Problem(
                $"This token's account ({Context.User.RoleName()}) may not write: writing needs the {Roles.Editor} or {Roles.Admin} role.",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", type: ForbiddenType)
            .ExecuteAsync(Context);
    }
}

/// <summary>
/// An API request with a valid bearer token acts as the token's account from the start of the pipeline, so the
/// rate limits know it (not only the write endpoints' authorization, which finds the handler's cached result).
/// </summary>
public static class ApiTokenUser
{
    public static IApplicationBuilder UseApiTokenUser(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (ApiErrors.IsApi(context.Request) && ApiTokenAuthentication.BearerToken(context.Request) is not null
                && await context.AuthenticateAsync(ApiTokenAuthentication.SchemeName) is { Succeeded: true } result)
            {
                context.User = result.Principal;
            }
            await next(context);
        });
}
