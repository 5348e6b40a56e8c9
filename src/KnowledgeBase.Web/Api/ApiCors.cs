using KnowledgeBase.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

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
    /// <summary>The API's CORS policies, its token authentication, its rate-limit policies (beside sign-in's) and its OpenAPI document.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddCors(options => options.AddPolicy(ApiCors.ReadPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithExposedHeaders("Retry-After", "ETag")));
        services.AddCors(options => options.AddPolicy(ApiCors.WritePolicy, _ => { }));
        services.AddScoped<ApiTokens>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.Configure<RateLimiterOptions>(options => 
        {
            options.AddPolicy<string, ApiRateLimit>(ApiRateLimit.Policy);
            options.AddPolicy<string, ApiWriteRateLimit>(ApiWriteRateLimit.Policy);
        });
        services.AddOpenApi("v1");
        return services;
    }
}
