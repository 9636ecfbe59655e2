namespace IvrController.Admin;

/// <summary>A settings edit: the row just before it and as it was written.</summary>
public sealed record SettingsUpdate(SettingsView Before, SettingsView After);
