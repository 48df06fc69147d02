// In-memory resource registry: resources with their JSON policies, one store per app.

import type { Resource } from '../../platform/model.ts';
import type { ResourceRegistryService } from '../../platform/services.ts';

function copy(resource: Resource): Resource {
  return structuredClone(resource);
}

export class ResourceStore implements ResourceRegistryService {
  private readonly resources = new Map<string, Resource>();

  resource(identifier: string): Resource | undefined {
    const found = this.resources.get(identifier);
    return found ? copy(found) : undefined;
  }

  upsert(resource: Resource): { created: boolean } {
    const created = !this.resources.has(resource.identifier);
    this.resources.set(resource.identifier, copy(resource));
    return { created };
  }

  all(): Resource[] {
    return [...this.resources.values()].map(copy);
  }
}
