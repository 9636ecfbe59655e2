using IvrController.Admin;
using IvrController.Admin.Prompts;
using IvrController.Store.Calls;
using IvrController.Web.Language;
using IvrController.Web.Security;
using IvrController.Web.Status;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.WebEncoders;
using Npgsql;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace IvrController.Web.Hosting;

/// <summary>
/// Builds the console's web application: Razor Pages behind cookie sessions, anti-forgery on every form,
/// login throttling, security headers; /healthz, /readyz and /metrics beside it. It runs inside the
/// controller's process (WebConsoleServer) but has its own small container, given what it shares.
/// </summary>
public static class WebConsole
{
    public const string SessionCookie = "ivr_console";

    /// <param name="prompts">Where prompts given as words or recordings go (and are played back from); null, the template page offers file names only.</param>
    public static WebApplication Build(
        WebConsoleOptions options, NpgsqlDataSource database, ConsoleParts controller, ILoggerFactory loggerFactory, PromptStudio? prompts = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(controller);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebConsole).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // Only what the controller's settings say: no stray appsettings or ASPNETCORE_URLS.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.EndPoint());
        });

        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(controller.Status);
        builder.Services.AddSingleton(controller.Explainer);
        builder.Services.AddSingleton(controller.Live);
        builder.Services.AddSingleton(controller.ClickToCall);
        builder.Services.AddSingleton(controller.Day);
        builder.Services.AddSingleton(_ => new CallReports(database));
        builder.Services.AddSingleton(_ => new SurveyFollowUps(database));
        builder.Services.AddSingleton<DatabaseProbe>();
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddSingleton<MetricsText>();
        builder.Services.AddSingleton(new ConsolePrompts(prompts));
        builder.Services.AddSingleton(_ => new ConsoleAccountAdmin(database));

        // Per request: each change is written, and audited, as the account signed in.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(s => new SettingsAdmin(database, Who(s)));
        builder.Services.AddScoped(s => new SurveyTemplateAdmin(database, Who(s), prompts));
        builder.Services.AddScoped(s => new AgentAdmin(database, Who(s)));
        builder.Services.AddScoped(s => new SkillGroupAdmin(database, Who(s)));
        builder.Services.AddScoped(s => new CallerNumberAdmin(database, Who(s)));
        builder.Services.AddScoped(s => new IvrMenuAdmin(database, Who(s), prompts));
        builder.Services.AddScoped(s => new CustomerIdAdmin(database, Who(s)));
        builder.Services.AddScoped(s => new NumberRegionAdmin(database, Who(s)));
        builder.Services.AddSingleton(_ => new AuditLog(database));

        IDataProtectionBuilder keys = builder.Services.AddDataProtection().SetApplicationName("IvrController.Web");
        if (options.KeysDirectory is { } directory)
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(directory));
        }

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = SessionCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            cookie.ExpireTimeSpan = options.SessionIdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = ConsoleSession.ValidateAsync;
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorization(authorization =>
        {
            // No page or endpoint answers without a session unless it says [AllowAnonymous].
            authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            authorization.AddPolicy(ConsoleSession.EditPolicy, policy => policy.RequireRole(ConsoleSession.AdminRole));
        });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "ivr_console_form";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddRateLimiter(limiter => LoginThrottle.Add(limiter, options.LoginAttemptsPerMinute));
        // Chinese as characters, not as &#x…; entities (the encoder still escapes what HTML needs escaped).
        builder.Services.Configure<WebEncoderOptions>(encoder => encoder.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorPages(pages => pages.Conventions.AllowAnonymousToPage("/Login"));

        WebApplication app = builder.Build();
        app.UseSecurityHeaders();
        app.Use(ConsoleLanguages.ChooseAsync);
        app.UseExceptionHandler(failed => failed.Run(ConsoleFailure.AnswerAsync));
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapGet("/console.css", () => Results.Text(ConsoleStyle.Css, "text/css; charset=utf-8")).AllowAnonymous();
        app.MapGet("/console.js", () => Results.Text(ConsoleScript.Js, "text/javascript; charset=utf-8")).AllowAnonymous();
        app.MapGet("/healthz", () => Results.Text("live\n")).AllowAnonymous();
        app.MapGet("/readyz", async (Readiness readiness, CancellationToken cancellationToken) =>
        {
            (int statusCode, string text) = await readiness.CheckAsync(cancellationToken).ConfigureAwait(false);
            return Results.Text(text, "text/plain; charset=utf-8", statusCode: statusCode);
        }).AllowAnonymous();

        // Scrapers do not log in: /metrics is open like the health checks, and, like the console, on loopback
        // unless Web:AllowRemote. It holds counts and versions, never a number or a name.
        app.MapGet("/metrics", async (MetricsText metrics, CancellationToken cancellationToken) =>
            Results.Text(await metrics.WriteAsync(cancellationToken).ConfigureAwait(false), MetricsText.ContentType)).AllowAnonymous();
        // A prompt played back in the page's <audio>: a session is needed (the fallback policy), and only the
        // studio's own file names are served, so no path can reach outside the prompts directory.
        app.MapGet("/prompts/{name}", (string name, ConsolePrompts console) =>
            console.Studio?.LocalPathOf(name) is { } path ? Results.File(path, "audio/wav", enableRangeProcessing: true) : Results.NotFound());
        app.MapRazorPages();
        return app;
    }

    /// <summary>The account a request is signed in as, which the audit log names for its changes.</summary>
    private static string Who(IServiceProvider services) =>
        services.GetRequiredService<IHttpContextAccessor>().HttpContext?.User.Identity?.Name ?? "?";
}
