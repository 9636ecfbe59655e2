namespace IvrController.Rules.Keypad;

/// <summary>The keys of a phone keypad as DTMF carries them.</summary>
public static class PhoneKeys
{
    public static bool IsPhoneKey(char c) => c is (>= '0' and <= '9') or '*' or '#';
}
