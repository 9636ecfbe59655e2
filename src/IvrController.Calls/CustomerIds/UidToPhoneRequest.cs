using System.Text.Json.Serialization;

namespace IvrController.CustomerIds;

/// <summary>Body of <c>POST {BaseUrl}/uid-to-phone</c>: <c>{"uids":["C10086"]}</c>.</summary>
internal sealed record UidToPhoneRequest([property: JsonPropertyName("uids")] IReadOnlyList<string> Uids);
