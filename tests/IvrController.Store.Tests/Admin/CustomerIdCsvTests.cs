using IvrController.Admin;
using Xunit;

namespace IvrController.Store.Tests.Admin;

public sealed class CustomerIdCsvTests
{
    [Fact]
    public void A_good_file_gives_every_customer_with_the_number_in_e164()
    {
        const string csv = "\uFEFFcustomer_id,number\r\nC-1,13812345678\r\n\r\n\"C,2\", \"021-5281-0001\"\r\nC-3,+86 755 8888 1234\r\n";

        CustomerIdCsvImport import = CustomerIdCsv.Parse(new StringReader(csv));

        Assert.Empty(import.Errors);
        Assert.Equal(
            ["2 C-1 +8613812345678", "4 C,2 +862152810001", "5 C-3 +8675588881234"],
            import.Rows.Select(r => $"{r.Line} {r.CustomerId} {r.Number.E164}"));
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_number_and_no_full_customer_number()
    {
        const string csv = """
            customer_id,number
            C-1,13812345678
            C-2,13812345678
            C-1,13987654321
            C-3,1381234
            ,13700000000
            C-4,13700000001,extra
            C-5,95588
            "C-6,13700000002
            C-7,138x2345678
            """;

        CustomerIdCsvImport import = CustomerIdCsv.Parse(new StringReader(csv));

        string[] errors = [.. import.Errors.Select(e => e.ToString())];
        Assert.Equal(
            [
                "line 3: number 138****5678 is already on line 2 (customer id C-1)",
                "line 4: customer id C-1 is already on line 2",
                "line 5: number *****34: too short: 7 digits; a mobile number has 11",
                "line 6: customer id is empty",
                "line 7: expected 2 columns (customer_id,number), found 3",
                "line 8: number ***88: a service number cannot be a customer's number",
                "line 9: a quoted field is not closed",
                "line 10: number ***x*****78: contains the letter 'x': a phone number has only digits",
            ],
            errors);
        foreach (string full in new[] { "13812345678", "13987654321", "13700000000", "13700000001" })
        {
            Assert.DoesNotContain(errors, e => e.Contains(full, StringComparison.Ordinal));
        }

        Assert.Equal(["C-1"], import.Rows.Select(r => r.CustomerId));
    }

    [Fact]
    public void The_same_line_twice_is_one_customer()
    {
        CustomerIdCsvImport import = CustomerIdCsv.Parse(new StringReader("customer_id,number\nC-1,13812345678\nC-1,138-1234-5678\n"));
        Assert.Empty(import.Errors);
        Assert.Single(import.Rows);
    }

    [Fact]
    public void A_missing_header_and_an_empty_file_are_reported()
    {
        CustomerIdCsvImport noHeader = CustomerIdCsv.Parse(new StringReader("C-1,13812345678\n"));
        Assert.Equal(["line 1: the first line must be the header customer_id,number"], noHeader.Errors.Select(e => e.ToString()));
        Assert.Single(noHeader.Rows);

        CustomerIdCsvImport empty = CustomerIdCsv.Parse(new StringReader(""));
        Assert.Equal(["line 1: the file is empty: expected the header customer_id,number"], empty.Errors.Select(e => e.ToString()));
    }
}
