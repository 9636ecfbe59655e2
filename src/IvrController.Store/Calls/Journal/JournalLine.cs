using System.Text.Json;
using System.Text.Json.Serialization;

namespace IvrController.Store.Calls.Journal;

/// <summary>
/// One line of a journal segment as JSON: <c>{"v":1,"type":"outbound_call","id":…,"createdAt":…,"record":{…}}</c>,
/// plus <c>unmatchedSince</c> on a call's end that is waiting for its call. The record stays a
/// raw element until the type tag says what it is.
/// </summary>
internal sealed record JournalLine(
    [property: JsonPropertyName("v")] int Version,
    string Type,
    Guid Id,
    DateTimeOffset CreatedAt,
    JsonElement Record,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? UnmatchedSince = null);
