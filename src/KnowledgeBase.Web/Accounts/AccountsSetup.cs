using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Web.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeBase.Web.Accounts;

/// <summary>Accounts, sign-in and the security settings around them, registered in one place.</summary>
public static class AccountsSetup
{
    public const string AuthCookie = "__Host-kb-auth";
    public const string AntiforgeryCookie = "__Host-kb-af";
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(8);

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<EditorUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<KnowledgeBaseDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<ApiTokens>();

        services.Configure<PasswordHasherOptions>(options =>
        {
            options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            options.IterationCount = PasswordPolicy.HashIterations;
        });
        // A locked, demoted or deleted account loses its session within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            Harden(options.Cookie, AuthCookie);
            options.ExpireTimeSpan = SessionLength;
            options.SlidingExpiration = true;
            options.LoginPath = Links.SignInPage;
            options.LogoutPath = Links.SignOut;
            options.AccessDeniedPath = Links.AccessDenied;
            options.ReturnUrlParameter = "returnUrl";
        });
        // Identity's other cookies are not used (no external logins, no two-factor) but are registered; harden them too.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => Harden(o.Cookie, "__Host-kb-external"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => Harden(o.Cookie, "__Host-kb-2fa"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => Harden(o.Cookie, "__Host-kb-2fa-remember"));

        services.AddAuthorization(Policies.Add);
        services.AddCascadingAuthenticationState();

        services.AddAntiforgery(options =>
        {
            // Antiforgery refuses to run over plain HTTP with SecurePolicy.Always, which would break
            // http://localhost (./kb run); this builder marks the cookie Secure all the same.
            options.Cookie = new AlwaysSecureCookieBuilder();
            Harden(options.Cookie, AntiforgeryCookie);
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The security headers send X-Frame-Options: DENY on every response.
            options.SuppressXFrameOptionsHeader = true;
        });

        // Keys in the database: a restart, or a second instance, keeps everyone signed in and every form valid.
        services.AddDataProtection()
            .SetApplicationName("KnowledgeBase")
            .PersistKeysToDbContext<KnowledgeBaseDb>();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<TimeProvider>(SignInRateLimit.Configure);
        return services;
    }

    /// <summary>
    /// The `__Host-` prefix makes the browser insist on Secure, Path=/ and no Domain, so no other site (or
    /// sub-domain) can set or read it. Browsers treat http://localhost as secure, so local runs still work.
    /// </summary>
    private static void Harden(CookieBuilder cookie, string name)
    {
        cookie.Name = name;
        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.IsEssential = true;
    }

    /// <summary>A cookie that is always sent with the Secure attribute, whatever the request's scheme.</summary>
    private sealed class AlwaysSecureCookieBuilder : CookieBuilder
    {
        public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
        {
            var options = base.Build(context, expiresFrom);
            options.Secure = true;
            return options;
        }
    }

    /// <summary>The account endpoints that are not pages: signing out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post with an antiforgery token; never a GET, so that no link or image on another site can sign
        // anyone out. Without a valid token: the site's 400 page, and the session stays.
        endpoints.MapPost(Links.SignOut, async Task<IResult> (HttpContext context) =>
            {
                if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                {
                    StatusPages.Refuse(context, StatusCodes.Status400BadRequest,
                        "The sign-out form was not sent from this site's page, or it has expired. Reload the page and sign out again.");
                    return TypedResults.Empty;
                }
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                return TypedResults.LocalRedirect(ReturnUrl.OrHome(form["returnUrl"]));
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .Accepts(typeof(IFormCollection), "application/x-www-form-urlencoded", "multipart/form-data")
            .WithName("SignOut")
            .ExcludeFromDescription();
        return endpoints;
    }
}
