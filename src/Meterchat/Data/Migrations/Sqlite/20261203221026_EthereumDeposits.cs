using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meterchat.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TxHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: false),
                    LogIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Contract = table.Column<string>(type: "TEXT", maxLength: 42, nullable: true),
                    Units = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    Final = table.Column<bool>(type: "INTEGER", nullable: false),
                    ObservedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: true),
                    MicrosPerEther = table.Column<long>(type: "INTEGER", nullable: true),
                    PricedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PriceSource = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreditedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TransferId = table.Column<long>(type: "INTEGER", nullable: true)
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
