using System.Text.Json.Serialization;

namespace IvrController.CustomerIds;

/// <summary>Body of <c>POST {BaseUrl}/phone-to-uid</c>: <c>{"phones":["+8613800138000"]}</c>, numbers in E.164.</summary>
internal sealed record PhoneToUidRequest([property: JsonPropertyName("phones")] IReadOnlyList<string> Phones);
