# One image for every part of the hub; the part is chosen by argument:
#   docker run hub gateway | subgraph:forces | subgraph:response-times | subgraph:crime-priorities | subgraph:workforce | subgraph:misconduct
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=1 HOST=0.0.0.0
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:explorer && npm prune --omit=dev
USER node
ENTRYPOINT ["npm", "run", "--silent"]
CMD ["gateway"]
