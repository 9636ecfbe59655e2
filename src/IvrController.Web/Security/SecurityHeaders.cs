using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IvrController.Web.Security;

/// <summary>
/// Headers on every answer: only our own scripts, styles, forms and fetches (no inline script at all), never in a
/// frame, no sniffing, no referrer, and nothing cached (pages carry rules and masked numbers).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            IHeaderDictionary headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.CacheControl = "no-store";
            return next(context);
        });
}
