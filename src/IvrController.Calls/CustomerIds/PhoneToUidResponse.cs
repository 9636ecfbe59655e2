using System.Text.Json.Serialization;

namespace IvrController.CustomerIds;

/// <summary>Answer of <c>phone-to-uid</c>: <c>{"uids":{"+8613800138000":"C10086"}}</c>; a number without an ID is absent (or null).</summary>
internal sealed record PhoneToUidResponse([property: JsonPropertyName("uids")] Dictionary<string, string?>? Uids);
