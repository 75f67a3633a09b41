#include "platform/screenshot.hpp"

#include <cstdint>
#include <vector>

#include <glad/gl.h>
#include <stb_image_write.h>

#include "i18n/catalogue.hpp"

namespace mt::platform {

std::string write_framebuffer_png(const std::filesystem::path& path, int width, int height) {
    return write_framebuffer_region_png(path, 0, 0, width, height, height);
}

std::string write_framebuffer_region_png(const std::filesystem::path& path, int left, int top,
                                         int width, int height, int full_height) {
    if (width <= 0 || height <= 0) return tr("platform.screenshot.no_area");
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> pixels(row * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(left, full_height - top - height, width, height, GL_RGBA, GL_UNSIGNED_BYTE,
                 pixels.data());
    if (const GLenum error = glGetError(); error != GL_NO_ERROR)
        return render(
            Message("platform.screenshot.gl_error").arg("code", static_cast<long long>(error)));
    // OpenGL's first row is the bottom one; PNG's is the top. The window is opaque whatever the
    // blending left in the alpha channel.
    std::vector<std::uint8_t> image(pixels.size());
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* from = pixels.data() + row * static_cast<std::size_t>(height - 1 - y);
        std::uint8_t* to = image.data() + row * static_cast<std::size_t>(y);
        for (std::size_t x = 0; x < row; x += 4) {
            to[x] = from[x];
            to[x + 1] = from[x + 1];
            to[x + 2] = from[x + 2];
            to[x + 3] = 255;
        }
    }
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (!stbi_write_png(path.c_str(), width, height, 4, image.data(), static_cast<int>(row)))
        return render(Message("platform.screenshot.cannot_write").arg("file", path.string()));
    return {};
}

}  // namespace mt::platform
