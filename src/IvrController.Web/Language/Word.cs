namespace IvrController.Web.Language;

/// <summary>One thing the console says, in each of its languages.</summary>
public sealed record Word(string Zh, string En)
{
    public string In(ConsoleLanguage language) => language == ConsoleLanguage.En ? En : Zh;
}
