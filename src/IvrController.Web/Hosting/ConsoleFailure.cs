using IvrController.Web.Language;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace IvrController.Web.Hosting;

/// <summary>
/// What a page that failed answers (the exception handler has already logged why): 503 with one sentence when
/// the database is away, which the console cannot work without while calls go on; 500 otherwise. Never a stack trace.
/// </summary>
public static class ConsoleFailure
{
    public static async Task AnswerAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Exception? failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        bool databaseAway = failure is NpgsqlException or TimeoutException || failure?.InnerException is NpgsqlException;
        context.Response.StatusCode = databaseAway ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(context.Say(databaseAway ? ConsoleWords.DatabaseAway : ConsoleWords.ConsoleFault) + "\n").ConfigureAwait(false);
    }
}
