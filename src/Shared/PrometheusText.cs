using System.Globalization;
using System.Text;

namespace IvrController.Metrics;

/// <summary>
/// The Prometheus text exposition format (0.0.4), written by hand: HELP and TYPE once per family, then its
/// samples. Compiled into the projects that write families (src/Shared), like the backoff.
/// </summary>
internal static class PrometheusText
{
    public static void Family(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append("\n# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    public static void Sample(StringBuilder text, string name, long value) =>
        text.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

    public static void Sample(StringBuilder text, string name, double value) =>
        text.Append(name).Append(' ').Append(Number(value)).Append('\n');

    /// <summary>One sample with labels, given as name/value pairs in order.</summary>
    public static void Sample(StringBuilder text, string name, ReadOnlySpan<(string Name, string Value)> labels, long value)
    {
        Series(text, name, labels);
        text.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    public static void Sample(StringBuilder text, string name, ReadOnlySpan<(string Name, string Value)> labels, double value)
    {
        Series(text, name, labels);
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    /// <summary>A float as the format wants it: shortest round-trip form, +Inf for infinity.</summary>
    public static string Number(double value) => double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Label values escape backslash, double quote and line feed.</summary>
    public static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>HELP text escapes backslash and line feed.</summary>
    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static void Series(StringBuilder text, string name, ReadOnlySpan<(string Name, string Value)> labels)
    {
        text.Append(name);
        if (labels.Length == 0)
        {
            return;
        }

        text.Append('{');
        for (int i = 0; i < labels.Length; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(labels[i].Name).Append("=\"").Append(EscapeLabel(labels[i].Value)).Append('"');
        }

        text.Append('}');
    }
}
