namespace IvrController.FakeSwitch;

/// <summary>
/// What a bridge dial string asks for: the channel variables in <c>{}</c> / <c>[]</c> and the first
/// endpoint (<c>sofia/gateway/pstn/13800138000</c>, <c>user/1001@domain</c>).
/// </summary>
public sealed record DialTarget(string Endpoint, string User, string? Domain, IReadOnlyDictionary<string, string> Variables)
{
    public bool IsUser => Endpoint.StartsWith("user/", StringComparison.Ordinal);

    public bool IsGateway => Endpoint.StartsWith("sofia/gateway/", StringComparison.Ordinal);

    public string? Variable(string name) => Variables.GetValueOrDefault(name);

    public static DialTarget Parse(string? dialString)
    {
        string rest = (dialString ?? string.Empty).Trim();
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        while (rest.Length > 0 && rest[0] is '{' or '[' or '<')
        {
            char close = rest[0] switch { '{' => '}', '[' => ']', _ => '>' };
            int end = rest.IndexOf(close, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            foreach (string pair in rest[1..end].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] parts = pair.Split('=', 2);
                variables[parts[0].Trim()] = parts.Length > 1 ? parts[1] : string.Empty;
            }

            rest = rest[(end + 1)..];
        }

        // Several endpoints (',' rings together, '|' one after another): the first one answers here.
        string endpoint = rest.Split(',', '|')[0].Trim();
        string last = endpoint[(endpoint.LastIndexOf('/') + 1)..];
        string[] userAndDomain = last.Split('@', 2);
        return new DialTarget(endpoint, userAndDomain[0], userAndDomain.Length > 1 ? userAndDomain[1] : null, variables);
    }
}
