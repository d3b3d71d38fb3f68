using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meterchat.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EthereumPayoutsAndSweeps : Migration
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

            migrationBuilder.AddColumn<long>(
                name: "EtherMicros",
                table: "ReservesSnapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EtherWei",
                table: "ReservesSnapshots",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EthereumStablecoins",
                table: "ReservesSnapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MicrosPerEther",
                table: "ReservesSnapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EthereumSweeps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    AddressIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Contract = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    Units = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    HotWallet = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    TopUpWei = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    TopUpHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: true),
                    TopUpRaw = table.Column<byte[]>(type: "BLOB", nullable: true),
                    MaxFeePerGas = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    MaxPriorityFeePerGas = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    GasLimit = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SweepHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: true),
                    SweepRaw = table.Column<byte[]>(type: "BLOB", nullable: true),
                    TopUpFeeWei = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    SweepFeeWei = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    CostMicros = table.Column<long>(type: "INTEGER", nullable: true),
                    MicrosPerEther = table.Column<long>(type: "INTEGER", nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 480, nullable: false)
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
        }
    }
}
