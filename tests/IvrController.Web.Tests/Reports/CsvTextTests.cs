using System.Text;
using IvrController.Web.Reports;
using Xunit;

namespace IvrController.Web.Tests.Reports;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("+862152810000", "+862152810000")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-", "'-")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData(null, "")]
    public void A_field_is_quoted_when_it_must_be_and_never_read_as_a_formula(string? field, string written)
    {
        string csv = Encoding.UTF8.GetString(new CsvText().Row("x", field).ToBytes());

        Assert.Equal($"\uFEFFx,{written}\r\n", csv);
    }
}
