using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Meterchat.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EthereumPayoutsAndSweeps : Migration
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

            migrationBuilder.AddColumn<long>(
                name: "EtherMicros",
                table: "ReservesSnapshots",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EtherWei",
                table: "ReservesSnapshots",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EthereumStablecoins",
                table: "ReservesSnapshots",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MicrosPerEther",
                table: "ReservesSnapshots",
                type: "bigint",
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

            migrationBuilder.CreateTable(
                name: "EthereumSweeps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    AddressIndex = table.Column<int>(type: "integer", nullable: false),
                    Asset = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    Units = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    HotWallet = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    TopUpWei = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    TopUpHash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    TopUpRaw = table.Column<byte[]>(type: "bytea", nullable: true),
                    MaxFeePerGas = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    MaxPriorityFeePerGas = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    GasLimit = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SweepHash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    SweepRaw = table.Column<byte[]>(type: "bytea", nullable: true),
                    TopUpFeeWei = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    SweepFeeWei = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    CostMicros = table.Column<long>(type: "bigint", nullable: true),
                    MicrosPerEther = table.Column<long>(type: "bigint", nullable: true),
                    Failure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StartedBy = table.Column<string>(type: "character varying(480)", maxLength: 480, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EthereumSweeps", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EthereumSweeps_Address_Status",
                table: "EthereumSweeps",
                columns: new[] { "Address", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EthereumSweeps_Status",
                table: "EthereumSweeps",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EthereumSweeps");

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

            migrationBuilder.DropColumn(
                name: "EtherMicros",
                table: "ReservesSnapshots");

            migrationBuilder.DropColumn(
                name: "EtherWei",
                table: "ReservesSnapshots");

            migrationBuilder.DropColumn(
                name: "EthereumStablecoins",
                table: "ReservesSnapshots");

            migrationBuilder.DropColumn(
                name: "MicrosPerEther",
                table: "ReservesSnapshots");

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
