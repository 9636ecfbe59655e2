namespace IvrController.Presence;

/// <summary>
/// The fields of one row of <c>show channels as json</c> that presence relies on: <c>uuid</c>,
/// <c>direction</c> (inbound/outbound as the switch sees it), <c>name</c> (e.g.
/// <c>sofia/agents/1001@127.0.0.1</c>), <c>presence_id</c> (<c>user@domain</c>, set on legs
/// dialled through <c>user/</c> by the directory's dial-string), <c>dest</c>, <c>callstate</c>
/// (RINGING, EARLY, ACTIVE, HELD, …) and <c>created_epoch</c>.
/// </summary>
public sealed record ChannelRow(string Uuid, string Direction, string Name, string PresenceId, string Destination, string CallState, long CreatedEpoch)
{
    /// <summary>ACTIVE or HELD: somebody picked up.</summary>
    public bool IsAnswered => CallState is "ACTIVE" or "HELD";

    public static ChannelRow FromFields(IReadOnlyDictionary<string, string> fields) => new(
        Field(fields, "uuid"),
        Field(fields, "direction"),
        Field(fields, "name"),
        Field(fields, "presence_id"),
        Field(fields, "dest"),
        Field(fields, "callstate"),
        long.TryParse(Field(fields, "created_epoch"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long epoch) ? epoch : 0);

    private static string Field(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out string? value) ? value : string.Empty;
}
