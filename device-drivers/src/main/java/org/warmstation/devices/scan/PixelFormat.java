package org.warmstation.devices.scan;

/** Raw frame layouts a camera process may write; only the luminance plane is kept. */
public enum PixelFormat {
    /** 8-bit grey, {@code width * height} bytes a frame (ffmpeg {@code -pix_fmt gray}). */
    GRAY8,
    /**
     * Planar YUV 4:2:0, I420: the Y plane ({@code width * height} bytes), then the U and V
     * planes of {@code ceil(width / 2) * ceil(height / 2)} bytes each (rpicam-vid
     * {@code --codec yuv420}, ffmpeg {@code -pix_fmt yuv420p}).
     */
    YUV420;

    /**
     * @param width  pixels per row
     * @param height rows
     * @return bytes of one whole frame in this layout
     */
    public long frameBytes(int width, int height) {
        long luma = (long) width * height;
        return switch (this) {
            case GRAY8 -> luma;
            case YUV420 -> luma + 2L * ((width + 1) / 2) * ((height + 1) / 2);
        };
    }
}
