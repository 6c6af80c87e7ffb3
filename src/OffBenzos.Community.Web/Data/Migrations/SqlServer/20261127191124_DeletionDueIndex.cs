using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OffBenzos.Community.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DeletionDueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_DeletionDueAt",
                table: "AspNetUsers",
                column: "DeletionDueAt",
                filter: "[DeletionDueAt] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_DeletionDueAt",
                table: "AspNetUsers");
        }
    }
}
