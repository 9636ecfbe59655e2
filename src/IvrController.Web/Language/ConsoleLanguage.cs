using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace IvrController.Web.Language;

/// <summary>The console's languages: Chinese unless the browser chose English (<c>?lang=en</c>, kept in a cookie).</summary>
public enum ConsoleLanguage
{
    Zh,
    En,
}

/// <summary>Where a request's language comes from and how pages say a <see cref="Word"/>.</summary>
public static class ConsoleLanguages
{
    public const string Cookie = "ivr_lang";
    public const string Query = "lang";

    private static readonly object Key = new();

    /// <summary>Reads <c>?lang=zh|en</c> (and keeps it in a cookie) or the cookie; Chinese otherwise.</summary>
    public static async Task ChooseAsync(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        string? asked = context.Request.Query[Query];
        ConsoleLanguage language;
        if (TryParse(asked, out language))
        {
            context.Response.Cookies.Append(Cookie, Name(language), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
        }
        else if (!TryParse(context.Request.Cookies[Cookie], out language))
        {
            language = ConsoleLanguage.Zh;
        }

        context.Items[Key] = language;
        await next().ConfigureAwait(false);
    }

    public static ConsoleLanguage Of(HttpContext context) =>
        context?.Items[Key] is ConsoleLanguage language ? language : ConsoleLanguage.Zh;

    public static string Say(this HttpContext context, Word word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.In(Of(context));
    }

    /// <summary>This page in the other language: the same path and query, with <c>lang</c> set.</summary>
    public static string OtherLanguageLink(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = new QueryBuilder(context.Request.Query
            .Where(q => q.Key != Query)
            .SelectMany(q => q.Value.Select(value => new KeyValuePair<string, string>(q.Key, value ?? ""))));
        query.Add(Query, Name(Of(context) == ConsoleLanguage.En ? ConsoleLanguage.Zh : ConsoleLanguage.En));
        return $"{context.Request.PathBase}{context.Request.Path}{query.ToQueryString()}";
    }

    /// <summary>The value of the html element's lang attribute.</summary>
    public static string HtmlLang(this HttpContext context) => Of(context) == ConsoleLanguage.En ? "en" : "zh-CN";

    public static string Name(ConsoleLanguage language) => language == ConsoleLanguage.En ? "en" : "zh";

    private static bool TryParse(string? text, out ConsoleLanguage language)
    {
        (bool known, language) = text switch
        {
            "zh" => (true, ConsoleLanguage.Zh),
            "en" => (true, ConsoleLanguage.En),
            _ => (false, ConsoleLanguage.Zh),
        };
        return known;
    }
}
