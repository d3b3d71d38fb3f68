using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Meterchat.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EthereumDeposits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EthereumDeposits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TxHash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    LogIndex = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    Asset = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    Units = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: false),
                    Final = table.Column<bool>(type: "boolean", nullable: false),
                    ObservedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: true),
                    MicrosPerEther = table.Column<long>(type: "bigint", nullable: true),
                    PricedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PriceSource = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreditedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TransferId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EthereumDeposits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EthereumDeposits_Address_CreditedAt",
                table: "EthereumDeposits",
                columns: new[] { "Address", "CreditedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EthereumDeposits_CreditedAt",
                table: "EthereumDeposits",
                column: "CreditedAt");

            migrationBuilder.CreateIndex(
                name: "IX_EthereumDeposits_TxHash_LogIndex",
                table: "EthereumDeposits",
                columns: new[] { "TxHash", "LogIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EthereumDeposits_UserId",
                table: "EthereumDeposits",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EthereumDeposits");
        }
    }
}
