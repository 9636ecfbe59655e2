using System.Text.Json.Serialization;

namespace IvrController.Store.Calls.Journal;

/// <summary>
/// One line of the dead-letter file: when and why a record could not be written, where it came
/// from (a write, or a segment line) and the journal line itself, as text so that even a line
/// that is not JSON is kept as it was.
/// </summary>
internal sealed record DeadLetterLine(
    [property: JsonPropertyName("v")] int Version,
    DateTimeOffset At,
    string Reason,
    string Source,
    string Line);
