using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meterchat.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TronfixEthAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EthereumAddress",
                table: "DepositAddresses",
                type: "character varying(42)",
                maxLength: 42,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EthereumAddress",
                table: "DepositAddresses");
        }
    }
}
