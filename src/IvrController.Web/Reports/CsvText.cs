using System.Text;

namespace IvrController.Web.Reports;

/// <summary>Writes CSV (RFC 4180: comma, CRLF, quotes doubled) with a UTF-8 byte-order mark so spreadsheets read Chinese.</summary>
public sealed class CsvText
{
    private readonly StringBuilder _text = new("\uFEFF");

    public CsvText Row(params string?[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }

            string field = fields[i] ?? "";
            // What a spreadsheet would run as a formula gets an apostrophe in front (a plain +8621… stays a number).
            if (LooksLikeFormula(field))
            {
                field = "'" + field;
            }

            _text.Append(field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field);
        }

        _text.Append("\r\n");
        return this;
    }

    private static bool LooksLikeFormula(string field) =>
        field.Length > 0 && (field[0] is '=' or '@' or '\t' or '\r'
            || (field[0] is '+' or '-' && (field.Length == 1 || field.AsSpan(1).ContainsAnyExceptInRange('0', '9'))));

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(_text.ToString());
}
