using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meterchat.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EthpayoutWithdrawalNetworks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "TxId",
                table: "Withdrawals",
                type: "character varying(66)",
                maxLength: 66,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ToAddress",
                table: "Withdrawals",
                type: "character varying(42)",
                maxLength: 42,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(34)",
                oldMaxLength: 34);

            migrationBuilder.AddColumn<string>(
                name: "Asset",
                table: "Withdrawals",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "USDT");

            migrationBuilder.AddColumn<int>(
                name: "Network",
                table: "Withdrawals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Nonce",
                table: "Withdrawals",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplacedTxIds",
                table: "Withdrawals",
                type: "character varying(700)",
                maxLength: 700,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Address",
                table: "PayoutAddresses",
                type: "character varying(42)",
                maxLength: 42,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(34)",
                oldMaxLength: 34);
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

            migrationBuilder.AlterColumn<string>(
                name: "TxId",
                table: "Withdrawals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(66)",
                oldMaxLength: 66,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ToAddress",
                table: "Withdrawals",
                type: "character varying(34)",
                maxLength: 34,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(42)",
                oldMaxLength: 42);

            migrationBuilder.AlterColumn<string>(
                name: "Address",
                table: "PayoutAddresses",
                type: "character varying(34)",
                maxLength: 34,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(42)",
                oldMaxLength: 42);
        }
    }
}
