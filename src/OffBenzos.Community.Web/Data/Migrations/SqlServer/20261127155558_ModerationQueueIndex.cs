using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OffBenzos.Community.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ModerationQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ReviewItems_Queue",
                table: "ReviewItems",
                columns: new[] { "Lane", "Score", "CreatedAt" },
                descending: new[] { false, true, false },
                filter: "[Status] = 'Open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewItems_Queue",
                table: "ReviewItems");
        }
    }
}
