using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace IvrController.Web.Security;

/// <summary>
/// Login attempts per client address: a fixed window of one minute over the login form's posts (showing
/// the form is never limited). The page carries <c>[EnableRateLimiting(LoginThrottle.Policy)]</c>.
/// </summary>
public static class LoginThrottle
{
    public const string Policy = "login";

    public static void Add(RateLimiterOptions limiter, int attemptsPerMinute)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = attemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("show"));
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            await rejected.HttpContext.Response.WriteAsync("Too many login attempts from this address: wait a minute.\n", cancellationToken).ConfigureAwait(false);
        };
    }
}
