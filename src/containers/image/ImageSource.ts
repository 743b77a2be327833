import { dockerfileImage } from './dockerfileImage.ts';
import type { NodeService } from './NodeService.ts';
import { nodeServiceImage } from './nodeServiceImage.ts';

/** Where a traced container's image comes from; resolved to an image name at start. */
export type ImageSource =
  | { readonly kind: 'image'; readonly image: string }
  | { readonly kind: 'dockerfile'; readonly context: string; readonly dockerfile: string }
  | { readonly kind: 'node'; readonly service: NodeService };

/** The image name to run, building (or reusing) an image when the source is not a ready image. */
export async function resolveImage(source: ImageSource): Promise<string> {
  switch (source.kind) {
    case 'image':
      return source.image;
    case 'dockerfile':
      return dockerfileImage(source.context, source.dockerfile);
    case 'node':
      return (await nodeServiceImage(source.service)).image;
  }
}
