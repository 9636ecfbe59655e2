using System.Text.Json.Serialization;

namespace IvrController.Store.Calls.Journal;

/// <summary>
/// Source-generated JSON for the journal. Strict on reading: a line that lacks a field or puts
/// null where the record type has none is refused, so it reaches the dead-letter file instead of
/// the database.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(JournalLine))]
[JsonSerializable(typeof(DeadLetterLine))]
[JsonSerializable(typeof(OutboundCallRecord))]
[JsonSerializable(typeof(OutboundCallEnd))]
[JsonSerializable(typeof(SurveyResultRecord))]
[JsonSerializable(typeof(MissedCallbackRecord))]
[JsonSerializable(typeof(InboundCallRecord))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
