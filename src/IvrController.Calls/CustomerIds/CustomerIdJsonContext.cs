using System.Text.Json.Serialization;

namespace IvrController.CustomerIds;

/// <summary>Compile-time serializers for the four bodies of the contract (no reflection, trim-safe).</summary>
[JsonSerializable(typeof(PhoneToUidRequest))]
[JsonSerializable(typeof(PhoneToUidResponse))]
[JsonSerializable(typeof(UidToPhoneRequest))]
[JsonSerializable(typeof(UidToPhoneResponse))]
internal sealed partial class CustomerIdJsonContext : JsonSerializerContext;
