using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeBase.Web.Api;

/// <summary>CORS for the API: any origin may read (GET, HEAD); no origin may write.</summary>
public static class ApiCors
{
    public const string ReadPolicy = "api-read";
}

public static class ApiServices
{
    /// <summary>The API's CORS policy, its rate-limit policy (beside sign-in's) and its OpenAPI document.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddCors(options => options.AddPolicy(ApiCors.ReadPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithExposedHeaders("Retry-After")));
        services.Configure<RateLimiterOptions>(options => options.AddPolicy<string, ApiRateLimit>(ApiRateLimit.Policy));
        services.AddOpenApi("v1");
        return services;
    }
}
