using Meterchat.Accounts.Mail;
using Meterchat.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts;

public static class AccountsFeature
{
    // Identity's default scheme (cookie or bearer) set by AddIdentityApiEndpoints; its name constant is internal.
    private const string BearerAndApplicationScheme = "Identity.BearerAndApplication";

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var environment = builder.Environment;
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MailOptions>()
            .Configure(o => o.Delivery = MailOptionsValidator.OutboxAllowed(environment) ? MailDelivery.Outbox : MailDelivery.Smtp)
            .BindConfiguration(MailOptions.Section)
            .PostConfigure(o => o.PublicBaseUrl ??= DevelopmentSiteUrl(builder.Configuration, environment))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();

        // Cookie for the browser, bearer token for scripts: the default scheme accepts either.
        services.AddIdentityApiEndpoints<AppUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AppUserManager>()
            .AddSignInManager<AppSignInManager>()
            .AddTokenProvider<OneTimeAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .Configure(bearer => bearer.Events.OnMessageReceived = BearerSessionCheck.OnMessageReceivedAsync);
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountsOptions>>((identity, accounts) => Apply(identity, accounts.Value));
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AccountsOptions>>((stamp, accounts) =>
            stamp.ValidationInterval = TimeSpan.FromMinutes(accounts.Value.SessionCheckMinutes));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "meterchat.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.SlidingExpiration = true;
            // Everything under /api answers 401/403, whatever it returns (JSON or a file): a script or a download never
            // follows a login redirect. .NET does this only for endpoints it knows return JSON.
            cookie.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        // A page that needs a signed-in user sends the browser to the login page; the API answers 401.
        services.Configure<AuthenticationSchemeOptions>(BearerAndApplicationScheme, o =>
            o.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments("/api")
                ? IdentityConstants.BearerScheme
                : IdentityConstants.ApplicationScheme);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AccountPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(AccountPolicies.VerifiedEmail, p => p.RequireAuthenticatedUser().AddRequirements(new VerifiedEmailRequirement()));
        services.AddScoped<IAuthorizationHandler, VerifiedEmailHandler>();
        services.AddScoped<ISignInObserver, SignInMetrics>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, VerifiedEmailForbiddenHandler>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, AuthRateLimitPolicy>(AuthRateLimitPolicy.Name);
        });

        // Requests only write outbox rows; the sender delivers them over SMTP (outbox delivery: the rows stay for /dev/outbox).
        services.AddScoped<IMailTransport, OutboxTransport>();
        services.AddScoped<IMailRelay, SmtpTransport>();
        services.AddSingleton<MailSender>();
        services.AddHostedService(sp => sp.GetRequiredService<MailSender>());
        services.AddSingleton<AccountMailQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<AccountMailQueue>());
        services.AddScoped<AccountMailer>();
        services.AddScoped<SecurityNotices>();
        services.AddScoped<StepUp>();
        services.AddScoped<EmailChange>();
        services.AddScoped<RefreshTokens>();
        services.AddSingleton<IEmailSender<AppUser>, AccountEmails>();
        services.AddScoped<MailedLinks>();
        services.AddScoped<EmailVerification>();
        services.AddScoped<PasswordReset>();
        services.AddScoped<SignUp>();
        services.TryAddSingleton<OperatorConsole>();
        services.AddHostedService<AdminSeeder>();
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapAuthApi();
        if (IsOutboxShown(app.Services))
        {
            app.MapDevOutboxApi();
        }

        return app;
    }

    /// <summary>
    /// Outside Production an unset public address falls back to the operator's own listening address (<c>urls</c>),
    /// never to a request's Host header; Production requires it to be set (ProductionConfiguration).
    /// </summary>
    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static string? DevelopmentSiteUrl(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsProduction())
        {
            return null;
        }

        var first = (configuration["urls"] ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first?.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
    }

    /// <summary>The dev outbox (page and API) exists only in Development and Testing with outbox delivery.</summary>
    public static bool IsOutboxShown(IServiceProvider services) =>
        services.GetRequiredService<IOptions<MailOptions>>().Value.Delivery == MailDelivery.Outbox
        && MailOptionsValidator.OutboxAllowed(services.GetRequiredService<IHostEnvironment>());

    internal static void Apply(IdentityOptions identity, AccountsOptions accounts)
    {
        identity.User.RequireUniqueEmail = true;
        identity.SignIn.RequireConfirmedAccount = false; // sign-in works before verification; money waits for it
        identity.Lockout.AllowedForNewUsers = true;
        identity.Lockout.MaxFailedAccessAttempts = accounts.MaxFailedAttempts;
        identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.LockoutMinutes);

        // Length over composition rules (NIST SP 800-63B).
        identity.Password.RequiredLength = accounts.PasswordMinLength;
        identity.Password.RequiredUniqueChars = 4;
        identity.Password.RequireDigit = false;
        identity.Password.RequireLowercase = false;
        identity.Password.RequireUppercase = false;
        identity.Password.RequireNonAlphanumeric = false;
    }
}
