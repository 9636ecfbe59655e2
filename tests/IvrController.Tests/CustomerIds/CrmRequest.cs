using System.Text.Json;

namespace IvrController.Tests.CustomerIds;

/// <summary>One request as the scripted CRM received it off the wire.</summary>
internal sealed record CrmRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    /// <summary>The strings of the body's array property <paramref name="name"/> ("phones" or "uids").</summary>
    public IReadOnlyList<string> Items(string name)
    {
        using JsonDocument document = JsonDocument.Parse(Body);
        return [.. document.RootElement.GetProperty(name).EnumerateArray().Select(item => item.GetString()!)];
    }
}
