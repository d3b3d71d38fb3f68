using System.Net;
using System.Net.Http.Headers;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Sellers;

public sealed class PhotoTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_photo_is_accepted_by_its_bytes_and_served()
    {
        var seller = await app.NewPersonAsync("seller");
        await seller.SaveProfileAsync(10);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(seller, png, "photo.gif")).StatusCode);

        var served = await seller.Client.GetAsync($"/api/sellers/{seller.Id}/photo");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_or_too_large_is_refused()
    {
        var seller = await app.NewPersonAsync("seller");
        await seller.SaveProfileAsync(10);

        var text = await UploadAsync(seller, "not an image"u8.ToArray(), "photo.png");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal("seller/photo-type", await text.ProblemTypeAsync());

        var big = new byte[2 * 1024 * 1024 + 1];
        big[0] = 0xFF; big[1] = 0xD8; big[2] = 0xFF;
        var tooLarge = await UploadAsync(seller, big, "photo.jpg");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("seller/photo-too-large", await tooLarge.ProblemTypeAsync());
    }

    private static Task<HttpResponseMessage> UploadAsync(Person seller, byte[] bytes, string name)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "photo", name);
        return seller.Client.PostAsync("/api/seller/photo", content);
    }
}
