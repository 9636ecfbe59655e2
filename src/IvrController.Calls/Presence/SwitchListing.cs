using System.Text.Json;
using IvrController.Esl.Messages;

namespace IvrController.Presence;

/// <summary>
/// Reads the answer to <c>show … as json</c>: <c>{"row_count": N, "rows": [{…}, …]}</c>, where an
/// empty table is just <c>{"row_count": 0}</c> (seen on the real switch) and every value is a
/// string. Numbers and nulls are tolerated and kept as text. Errors never quote the body: a
/// channel table carries customer numbers.
/// </summary>
public static class SwitchListing
{
    /// <exception cref="PresenceReconciliationException">The switch refused the command or the body is not that shape.</exception>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string command, ApiResponse response)
    {
        if (!response.IsOk)
        {
            throw new PresenceReconciliationException($"the switch refused '{command}': {response.ErrorMessage}");
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("row_count", out JsonElement rowCount) || !rowCount.TryGetInt32(out int declared))
            {
                throw new PresenceReconciliationException($"'{command}' answered {response.Body.Length} characters without a row_count");
            }

            if (!root.TryGetProperty("rows", out JsonElement rows))
            {
                return declared == 0
                    ? []
                    : throw new PresenceReconciliationException($"'{command}' announced {declared} rows but sent none");
            }

            if (rows.ValueKind != JsonValueKind.Array)
            {
                throw new PresenceReconciliationException($"'{command}' sent rows that are not a list");
            }

            var result = new List<IReadOnlyDictionary<string, string>>(rows.GetArrayLength());
            foreach (JsonElement row in rows.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Object)
                {
                    throw new PresenceReconciliationException($"'{command}' sent a row that is not an object");
                }

                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (JsonProperty field in row.EnumerateObject())
                {
                    fields[field.Name] = field.Value.ValueKind switch
                    {
                        JsonValueKind.String => field.Value.GetString() ?? string.Empty,
                        JsonValueKind.Null => string.Empty,
                        _ => field.Value.GetRawText(),
                    };
                }

                result.Add(fields);
            }

            return result;
        }
        catch (JsonException e)
        {
            throw new PresenceReconciliationException($"'{command}' did not answer with JSON ({e.Message})", e);
        }
    }
}
