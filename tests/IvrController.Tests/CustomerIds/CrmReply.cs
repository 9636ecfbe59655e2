using System.Text;
using System.Text.Json;

namespace IvrController.Tests.CustomerIds;

/// <summary>What the scripted CRM sends back; <see cref="Silent"/> never answers at all.</summary>
internal sealed record CrmReply(int Status, string Body)
{
    public static CrmReply Silent { get; } = new(0, "");

    public static CrmReply Json(string json) => new(200, json);

    public static CrmReply Uids(IReadOnlyDictionary<string, string?> uids) =>
        Json(JsonSerializer.Serialize(new Dictionary<string, object> { ["uids"] = uids }));

    public static CrmReply Phones(IReadOnlyDictionary<string, string?> phones) =>
        Json(JsonSerializer.Serialize(new Dictionary<string, object> { ["phones"] = phones }));

    public static CrmReply Error(int status) => new(status, $"{{\"error\":\"scripted {status}\"}}");

    public byte[] ToBytes()
    {
        byte[] body = Encoding.UTF8.GetBytes(Body);
        string head = $"HTTP/1.1 {Status} Scripted\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }
}
