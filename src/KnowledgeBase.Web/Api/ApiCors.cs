using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace KnowledgeBase.Web.Api;

/// <summary>CORS for the API: any origin may read (GET, HEAD); no origin may write.</summary>
public static class ApiCors
{
    public const string ReadPolicy = "api-read";

    /// <summary>Allows no origin: a preflight for a write gets no Access-Control-Allow-* headers, so browsers never send it.</summary>
    public const string WritePolicy = "api-write";
}

public static class ApiServices
{
    /// <summary>The OpenAPI document's name for the write endpoints' token scheme.</summary>
    public const string BearerScheme = "apiToken";

    /// <summary>The API's CORS policies, its token authentication, its rate-limit policies (beside sign-in's) and its OpenAPI document.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddCors(options => options.AddPolicy(ApiCors.ReadPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithExposedHeaders("Retry-After", "ETag", "Link")));
        services.AddCors(options => options.AddPolicy(ApiCors.WritePolicy, _ => { }));
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorization(options => options.AddPolicy(Policies.ApiEditor, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
            .RequireAuthenticatedUser().RequireRole(Roles.Editor, Roles.Admin)));
        services.Configure<RateLimiterOptions>(options =>
        {
            options.AddPolicy<string, ApiRateLimit>(ApiRateLimit.Policy);
            options.AddPolicy<string, ApiWriteRateLimit>(ApiWriteRateLimit.Policy);
        });
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                // HEAD answers as GET does, without the body: one operation per endpoint says it (the reference page notes HEAD).
                foreach (var path in document.Paths.Values.OfType<OpenApiPathItem>())
                {
                    path.Operations?.Remove(HttpMethod.Head);
                }
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "kb_{prefix}_{secret}",
                    Description = "An API token an administrator issues to an Editor or Admin account; it writes with the account's current role.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any(a => a.Policy == Policies.ApiEditor))
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                }
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(ApiDocument.DescribeParametersAsync);
            options.AddOperationTransformer(ApiDocument.DescribeRetryAfterAsync);
            options.AddOperationTransformer(ApiDocument.DescribeHeadersAsync);
            options.AddSchemaTransformer(ApiDocument.DescribeWordSetsAsync);
        });
        return services;
    }
}
