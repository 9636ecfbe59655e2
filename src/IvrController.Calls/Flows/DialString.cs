using System.Text;

namespace IvrController.Flows;

/// <summary>
/// Builds bridge targets: <c>{var=value,…}[leg var=value,…]endpoint</c>. Values are checked, not
/// escaped: every value we put here is a number, an id or a fixed word, so anything with a
/// separator in it is a bug to refuse, not text to quote.
/// </summary>
public sealed class DialString
{
    private readonly List<KeyValuePair<string, string>> _global = [];
    private readonly List<KeyValuePair<string, string>> _leg = [];

    public DialString(string endpoint)
    {
        Endpoint = Checked(endpoint, nameof(endpoint), allowSlash: true);
    }

    /// <summary>Simultaneous ring: every endpoint at once (',' between them), the first to answer takes the call.</summary>
    public DialString(IReadOnlyCollection<string> simultaneous)
    {
        ArgumentNullException.ThrowIfNull(simultaneous);
        if (simultaneous.Count == 0)
        {
            throw new ArgumentException("A dial string needs at least one endpoint.", nameof(simultaneous));
        }

        Endpoint = string.Join(",", simultaneous.Select(endpoint => Checked(endpoint, "endpoint", allowSlash: true)));
    }

    public string Endpoint { get; }

    /// <summary>A variable for every leg of this bridge (<c>{}</c>).</summary>
    public DialString With(string name, string value)
    {
        _global.Add(new(Checked(name, nameof(name)), Checked(value, nameof(value))));
        return this;
    }

    /// <summary>A variable of the called leg only (<c>[]</c>), e.g. transfer_after_bridge.</summary>
    public DialString WithOnLeg(string name, string value)
    {
        _leg.Add(new(Checked(name, nameof(name)), Checked(value, nameof(value))));
        return this;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text, '{', '}', _global);
        Append(text, '[', ']', _leg);
        return text.Append(Endpoint).ToString();
    }

    private static void Append(StringBuilder text, char open, char close, List<KeyValuePair<string, string>> variables)
    {
        if (variables.Count == 0)
        {
            return;
        }

        text.Append(open);
        for (int i = 0; i < variables.Count; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(variables[i].Key).Append('=').Append(variables[i].Value);
        }

        text.Append(close);
    }

    private static string Checked(string value, string what, bool allowSlash = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"A dial-string {what} cannot be empty.", what);
        }

        foreach (char c in value)
        {
            bool bad = c is ',' or '{' or '}' or '[' or ']' or '|' or '\'' or '"' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c)
                || (c == '/' && !allowSlash);
            if (bad)
            {
                throw new ArgumentException($"A dial-string {what} cannot contain '{c}'.", what);
            }
        }

        return value;
    }
}
