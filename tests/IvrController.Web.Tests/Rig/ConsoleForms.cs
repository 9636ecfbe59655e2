using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace IvrController.Web.Tests.Rig;

/// <summary>What a browser does with the console's forms, done over HTTP: read the anti-forgery token, post, log in.</summary>
public static partial class ConsoleForms
{
    public const string TokenField = "__RequestVerificationToken";

    public static async Task<string> TokenAsync(this HttpClient client, string page)
    {
        string html = await client.GetStringAsync(page);
        Match token = Token().Match(html);
        Assert.True(token.Success, $"{page} has no anti-forgery token");
        return token.Groups["value"].Value;
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, params (string Name, string Value)[] fields) =>
        client.PostAsync(page, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    /// <summary>Posts a form to <paramref name="action"/> as a browser on <paramref name="page"/> would: with the anti-forgery token the page carries.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        string token = await client.TokenAsync(page);
        return await client.PostFormAsync(action, [.. fields, (TokenField, token)]);
    }

    /// <summary>Logs in through the login form; the client then holds the session cookie.</summary>
    public static async Task LogInAsync(this HttpClient client, string name, string password)
    {
        string token = await client.TokenAsync("/login");
        using HttpResponseMessage response = await client.PostFormAsync("/login", ("Name", name), ("Password", password), (TokenField, token));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/settings", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="(?<value>[^"]+)" """)]
    private static partial Regex Token();
}
