package io.wabiz.simulator.media;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Where Graph media URLs and the chat page download uploaded media (no token: a local convenience). */
@RestController
class MediaController {

    private final MediaStore media;

    MediaController(MediaStore media) {
        this.media = media;
    }

    @GetMapping("/simulator/media/{mediaId}")
    ResponseEntity<byte[]> download(@PathVariable String mediaId) {
        MediaStore.StoredMedia stored = media.get(mediaId).orElseThrow(() -> new ErrorResponseException(
                HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no media " + mediaId), null));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(stored.mimeType()));
        if (stored.filename() != null) {
            headers.setContentDisposition(ContentDisposition.inline().filename(stored.filename()).build());
        }
        return new ResponseEntity<>(stored.bytes(), headers, HttpStatus.OK);
    }
}
