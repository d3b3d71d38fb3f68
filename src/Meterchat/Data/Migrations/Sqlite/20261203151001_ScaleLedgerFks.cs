using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meterchat.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScaleLedgerFks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChatEvents_ChatSessions_SessionId",
                table: "ChatEvents");

            migrationBuilder.DropForeignKey(
                name: "FK_LedgerLegs_LedgerAccounts_AccountId",
                table: "LedgerLegs");

            migrationBuilder.DropForeignKey(
                name: "FK_LedgerLegs_LedgerTransfers_TransferId",
                table: "LedgerLegs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "FK_ChatEvents_ChatSessions_SessionId",
                table: "ChatEvents",
                column: "SessionId",
                principalTable: "ChatSessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_LedgerLegs_LedgerAccounts_AccountId",
                table: "LedgerLegs",
                column: "AccountId",
                principalTable: "LedgerAccounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_LedgerLegs_LedgerTransfers_TransferId",
                table: "LedgerLegs",
                column: "TransferId",
                principalTable: "LedgerTransfers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
