using System.Text.Json.Serialization;

namespace IvrController.CustomerIds;

/// <summary>Answer of <c>uid-to-phone</c>: <c>{"phones":{"C10086":"+8613800138000"}}</c>; an unknown ID is absent (or null).</summary>
internal sealed record UidToPhoneResponse([property: JsonPropertyName("phones")] Dictionary<string, string?>? Phones);
