using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meterchat.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReceiptsChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BuyerReceiptCheck",
                table: "Disputes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "BuyerReceiptMatches",
                table: "Disputes",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChainHead",
                table: "ChatSessions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedReceiptJson",
                table: "ChatSessions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "ChatEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BuyerReceiptCheck",
                table: "Disputes");

            migrationBuilder.DropColumn(
                name: "BuyerReceiptMatches",
                table: "Disputes");

            migrationBuilder.DropColumn(
                name: "ChainHead",
                table: "ChatSessions");

            migrationBuilder.DropColumn(
                name: "SignedReceiptJson",
                table: "ChatSessions");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "ChatEvents");
        }
    }
}
