using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meterchat.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EthpayoutWithdrawalNetworks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Asset",
                table: "Withdrawals",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "USDT");

            migrationBuilder.AddColumn<int>(
                name: "Network",
                table: "Withdrawals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Nonce",
                table: "Withdrawals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplacedTxIds",
                table: "Withdrawals",
                type: "TEXT",
                maxLength: 700,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Asset",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "Network",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "Nonce",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "ReplacedTxIds",
                table: "Withdrawals");
        }
    }
}
